/** Types for html-encoding-sniffer (the package ships none): the WHATWG encoding sniffing algorithm. */
declare module 'html-encoding-sniffer' {
  export interface SniffOptions {
    /** Sniff as XML: no `<meta>` prescan (default false). */
    xml?: boolean;
    /** The charset the transport declared, e.g. from an HTTP Content-Type header. */
    transportLayerEncodingLabel?: string;
    /** Returned when nothing declares an encoding (default windows-1252, UTF-8 for XML). */
    defaultEncoding?: string;
  }
  /** The WHATWG name of the encoding to decode `bytes` with. */
  export default function sniffHtmlEncoding(bytes: Uint8Array, options?: SniffOptions): string;
}
