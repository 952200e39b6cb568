/**
 * The --vscode-* variables the webviews use, with the values of VS Code's default Light+, Dark+ and Dark High
 * Contrast themes, and the body class VS Code sets. Pages rendered outside VS Code get them through
 * `themeScript`, so contrast checks and screenshots see the colours users see.
 */
export type ThemeName = 'light' | 'dark' | 'hc';

const COMMON: Record<string, string> = {
  'font-family': '-apple-system, BlinkMacSystemFont, "Segoe WPC", "Segoe UI", "Ubuntu", "Droid Sans", sans-serif',
  'font-size': '13px',
  'font-weight': 'normal',
};

export const THEMES: Record<ThemeName, { bodyClass: string; vars: Record<string, string> }> = {
  light: {
    bodyClass: 'vscode-light',
    vars: {
      foreground: '#616161',
      'editor-background': '#ffffff',
      'editor-foreground': '#000000',
      descriptionForeground: '#717171',
      errorForeground: '#a1260d',
      focusBorder: '#0090f1',
      'textLink-foreground': '#006ab1',
      'textLink-activeForeground': '#006ab1',
      'button-background': '#007acc',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#0062a3',
      'badge-background': '#c4c4c4',
      'badge-foreground': '#333333',
      'input-background': '#ffffff',
      'input-foreground': '#616161',
      'input-border': '#cecece',
      'panel-border': 'rgba(128, 128, 128, 0.35)',
      'list-hoverBackground': '#e8e8e8',
      'list-activeSelectionBackground': '#0060c0',
      'list-activeSelectionForeground': '#ffffff',
      'list-inactiveSelectionBackground': '#e4e6f1',
      'editorWidget-background': '#f3f3f3',
      'editorWidget-border': '#c8c8c8',
      'editorGroupHeader-tabsBackground': '#f3f3f3',
      'editorWarning-foreground': '#bf8803',
      'charts-foreground': '#616161',
      'charts-red': '#e51400',
      'charts-blue': '#1a85ff',
      'charts-yellow': '#bf8803',
      'charts-orange': '#d18616',
      'charts-green': '#388a34',
      'charts-purple': '#652d90',
      'testing-iconPassed': '#388a34',
      'widget-shadow': 'rgba(0, 0, 0, 0.16)',
    },
  },
  dark: {
    bodyClass: 'vscode-dark',
    vars: {
      foreground: '#cccccc',
      'editor-background': '#1e1e1e',
      'editor-foreground': '#d4d4d4',
      descriptionForeground: 'rgba(204, 204, 204, 0.7)',
      errorForeground: '#f48771',
      focusBorder: '#007fd4',
      'textLink-foreground': '#3794ff',
      'textLink-activeForeground': '#3794ff',
      'button-background': '#0e639c',
      'button-foreground': '#ffffff',
      'button-hoverBackground': '#1177bb',
      'badge-background': '#4d4d4d',
      'badge-foreground': '#ffffff',
      'input-background': '#3c3c3c',
      'input-foreground': '#cccccc',
      'panel-border': 'rgba(128, 128, 128, 0.35)',
      'list-hoverBackground': '#2a2d2e',
      'list-activeSelectionBackground': '#04395e',
      'list-activeSelectionForeground': '#ffffff',
      'list-inactiveSelectionBackground': '#37373d',
      'editorWidget-background': '#252526',
      'editorWidget-border': '#454545',
      'editorGroupHeader-tabsBackground': '#252526',
      'editorWarning-foreground': '#cca700',
      'charts-foreground': '#cccccc',
      'charts-red': '#f14c4c',
      'charts-blue': '#3794ff',
      'charts-yellow': '#cca700',
      'charts-orange': '#d18616',
      'charts-green': '#89d185',
      'charts-purple': '#b180d7',
      'testing-iconPassed': '#73c991',
      'widget-shadow': 'rgba(0, 0, 0, 0.36)',
    },
  },
  hc: {
    bodyClass: 'vscode-high-contrast',
    vars: {
      foreground: '#ffffff',
      'editor-background': '#000000',
      'editor-foreground': '#ffffff',
      descriptionForeground: 'rgba(255, 255, 255, 0.7)',
      errorForeground: '#f48771',
      focusBorder: '#f38518',
      contrastBorder: '#6fc3df',
      contrastActiveBorder: '#f38518',
      'textLink-foreground': '#21a6ff',
      'textLink-activeForeground': '#21a6ff',
      'button-background': '#000000',
      'button-foreground': '#ffffff',
      'button-border': '#6fc3df',
      'badge-background': '#000000',
      'badge-foreground': '#ffffff',
      'input-background': '#000000',
      'input-foreground': '#ffffff',
      'input-border': '#6fc3df',
      'panel-border': '#6fc3df',
      'list-activeSelectionBackground': '#000000',
      'list-inactiveSelectionBackground': '#000000',
      'editorWidget-background': '#0c141f',
      'editorWidget-border': '#6fc3df',
      'editorGroupHeader-tabsBackground': '#000000',
      'editorWarning-foreground': '#ffd370',
      'charts-foreground': '#ffffff',
      'charts-red': '#f14c4c',
      'charts-blue': '#3794ff',
      'charts-yellow': '#cca700',
      'charts-orange': '#d18616',
      'charts-green': '#89d185',
      'charts-purple': '#b180d7',
      'testing-iconPassed': '#73c991',
    },
  },
};

/** An init script (a string, so the test transpiler adds no helpers) that applies a theme as VS Code does. */
export function themeScript(name: ThemeName): string {
  const t = THEMES[name];
  const vars = Object.entries({ ...COMMON, ...t.vars }).map(([k, v]) => [`--vscode-${k}`, v]);
  return `(() => {
    const vars = ${JSON.stringify(vars)};
    const mark = () => { document.body.classList.add(${JSON.stringify(t.bodyClass)}); document.body.dataset.vscodeThemeKind = ${JSON.stringify(t.bodyClass)}; };
    const apply = () => {
      if (!document.documentElement) return false;
      for (const [k, v] of vars) document.documentElement.style.setProperty(k, v);
      if (document.body) mark(); else document.addEventListener('DOMContentLoaded', mark);
      return true;
    };
    if (!apply()) new MutationObserver((_, o) => { if (apply()) o.disconnect(); }).observe(document, { childList: true });
  })();`;
}
