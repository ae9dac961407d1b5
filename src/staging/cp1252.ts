// Windows-1252's 0x80–0x9F block (€, curly quotes, dashes, Š, Ž, Ÿ…). Some runtimes (Node)
// decode "windows-1252" as Latin-1 and leave these as C1 control characters; this puts
// them right, and is a no-op where the decoder already did.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (ch) => HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
}
