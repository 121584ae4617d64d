// Kept only for views/diff/DiffSide.tsx, which imports DetailsPanel from here and is not this branch's to edit;
// delete this file once DiffSide imports './details/DetailsPanel' (as every other importer now does).
export { DetailsPanel, type DetailsPanelProps } from './DetailsPanel';
