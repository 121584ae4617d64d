/**
 * The element glyphs as SVG path data in a 24×24 box (white on the coloured tile): the one table the
 * canvas (views/canvas/icons.tsx) and the SVG export share.
 */
export const ICON_PATHS: Readonly<Record<string, string>> = {
  start: 'M8 5v14l11-7z',
  end: 'M6 6h12v12H6z',
  screen: 'M3 4h18v13H3zM8 20h8v-2H8z',
  action: 'M13 2L4 14h7l-1 8 9-12h-7z',
  apex: 'M12 3l9 16H3z',
  subflow: 'M4 4h7v7H4zM13 13h7v7h-7zM7.5 11v5.5H13v-2H9.5V11z',
  assignment: 'M5 8h14v2.5H5zM5 13.5h14V16H5z',
  decision: 'M12 3l9 9-9 9-9-9z',
  loop: 'M12 5a7 7 0 1 0 7 7h-2.5A4.5 4.5 0 1 1 12 7.5V11l5-4.7L12 2z',
  collection: 'M4 5h16v3H4zM4 10.5h16v3H4zM4 16h10v3H4z',
  error: 'M12 2l10 18H2zm-1 6v6h2V8zm0 8v2h2v-2z',
  experiment: 'M9 3h6v2h-1v5l5 9a1.5 1.5 0 0 1-1.3 2H6.3A1.5 1.5 0 0 1 5 19l5-9V5H9z',
  stage: 'M3 6h12l4 6-4 6H3l4-6z',
  recordCreate: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
  recordDelete: 'M6 7h12l-1 13H7zM9 4h6v2H9z',
  recordLookup:
    'M10 4a6 6 0 0 1 4.8 9.6l4.6 4.6-1.6 1.6-4.6-4.6A6 6 0 1 1 10 4zm0 2.2a3.8 3.8 0 1 0 0 7.6 3.8 3.8 0 0 0 0-7.6z',
  recordUpdate: 'M4 17.3V20h2.7l8-8-2.7-2.7zM17.7 9l-2.7-2.7 1.9-1.9a1 1 0 0 1 1.4 0l1.3 1.3a1 1 0 0 1 0 1.4z',
  rollback: 'M12 5V1L7 6l5 5V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z',
  transform: 'M4 7h11l-3-3 1.4-1.4L19 8.2l-5.6 5.6L12 12.4l3-3H4zM20 17H9l3 3-1.4 1.4L5 15.8l5.6-5.6 1.4 1.4-3 3h11z',
  wait: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 5v6l5 3 1-1.6-4-2.4V7z',
  step: 'M4 4h16v16H4z',
  unknown:
    'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm-1 12v2h2v-2zm1-8a3.5 3.5 0 0 0-3.5 3.5h2A1.5 1.5 0 1 1 13 12' +
    'c-.9.6-2 1.2-2 3h2c0-1 .6-1.3 1.4-1.9A3.5 3.5 0 0 0 12 7z',
  missing: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm-1 4v7h2V7zm0 9v2h2v-2z',
};
