/** What the source dialogs hand to the app: a flow's text and where it came from. */
export interface PickedSource {
  kind: 'org' | 'url';
  /** Shown to the user and used as a file-name fallback: "My_Flow v3" for an org, the URL without its query. */
  name: string;
}

export interface PickedFlow {
  text: string;
  source: PickedSource;
}

export type OnOpen = (text: string, source: PickedSource) => void;
export type OnCompare = (before: PickedFlow, after: PickedFlow) => void;
