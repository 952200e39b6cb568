/** Attribute names ReqIF tools agree on (the ReqIF Implementation Guide's `ReqIF.*` names), and the trace status spdf exports. */
export const REQIF_ATTR = {
  foreignId: 'ReqIF.ForeignID',
  name: 'ReqIF.Name',
  chapterName: 'ReqIF.ChapterName',
  text: 'ReqIF.Text',
  status: 'Status',
  traceStatus: 'SPDF.TraceStatus',
  derivedFrom: 'SPDF.DerivedFrom',
  /** JSON of the requirement's other model fields, so `spdf import reqif` gives back the same model. */
  model: 'SPDF.Model',
} as const;
