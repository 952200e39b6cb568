-- Headless Neovim (0.7.2 API only) as a third-party LSP client of dist/server.js.
-- Env: SPDF_SERVER (server.js), SPDF_ROOT (workspace), SPDF_FILES (comma-separated relative paths),
-- SPDF_COUNTS (expected diagnostic count per file, same order), SPDF_OUT (JSON result file).
local server = os.getenv('SPDF_SERVER')
local root = os.getenv('SPDF_ROOT')
local files = vim.split(os.getenv('SPDF_FILES'), ',', { plain = true })
local counts = vim.split(os.getenv('SPDF_COUNTS'), ',', { plain = true })
local out = os.getenv('SPDF_OUT')
local result = { files = {}, errors = {} }

local function fail(msg)
  table.insert(result.errors, msg)
end

local client_id = vim.lsp.start_client({
  name = 'spdf',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  workspace_folders = { { uri = vim.uri_from_fname(root), name = 'example' } },
  init_options = { trusted = true },
})
if not client_id then
  fail('vim.lsp.start_client returned nil')
end

local bufs = {}
for i, rel in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. rel))
  local buf = vim.api.nvim_get_current_buf()
  bufs[i] = buf
  if client_id then
    vim.lsp.buf_attach_client(buf, client_id)
  end
end

for i, rel in ipairs(files) do
  local buf = bufs[i]
  local want = tonumber(counts[i]) or 0
  -- pump the event loop until the server has published at least the expected number of diagnostics
  local ok = vim.wait(60000, function()
    return #vim.diagnostic.get(buf) >= want and (want > 0 or vim.lsp.buf_is_attached(buf, client_id))
  end, 100)
  if want == 0 then
    vim.wait(3000, function() return false end, 100) -- give a stray diagnostic time to arrive
  end
  if not ok then
    fail(rel .. ': timed out waiting for ' .. want .. ' diagnostics')
  end
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then
      code = d.user_data.lsp.code
    end
    table.insert(diags, { code = code, line = d.lnum + 1, column = d.col + 1, message = d.message, source = d.source })
  end
  result.files[rel] = diags
end

-- A code-side feature through the same client: go to definition from the first @spdf tag of a source file.
for i, rel in ipairs(files) do
  if not rel:match('%.ya?ml$') then
    local lines = vim.api.nvim_buf_get_lines(bufs[i], 0, -1, false)
    for lnum, text in ipairs(lines) do
      local s, e = text:find('@spdf%s+%a+%s+')
      if s then
        local params = { textDocument = { uri = vim.uri_from_bufnr(bufs[i]) }, position = { line = lnum - 1, character = e + 1 } }
        local responses = vim.lsp.buf_request_sync(bufs[i], 'textDocument/definition', params, 10000) or {}
        local target
        for _, r in pairs(responses) do
          if r.result and r.result[1] then target = r.result[1].uri end
        end
        result.definition = { file = rel, line = lnum, target = target }
        break
      end
    end
  end
end

vim.fn.writefile({ vim.fn.json_encode(result) }, out)
if client_id then
  vim.lsp.stop_client(client_id)
end
vim.cmd('qa!')
