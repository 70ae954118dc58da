// Text with the words of the search marked, in the grid's cells and the detail panel.
import { pieces } from '../state/highlight';

export function Marked({ text, terms }: { text: string; terms?: readonly string[] }) {
  if (!terms?.length || !text) return <>{text}</>;
  return <>{pieces(text, terms).map((p, i) => (p.hit ? <mark key={i} className="hit">{p.text}</mark> : p.text))}</>;
}
