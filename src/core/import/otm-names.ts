/** Key under an OTM element's `attributes` holding the model fields OTM has no place for: `spdf export otm` writes it, `spdf import otm` restores it. */
export const OTM_SPDF_ATTRIBUTE = 'spdf';
