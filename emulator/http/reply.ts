/** What a protocol hands back to the HTTP server. */
export interface StackReply {
  status: number;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** Fault injection: close the connection without answering. */
  drop?: boolean;
}
