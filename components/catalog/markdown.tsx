import ReactMarkdown from "react-markdown";

/** Descriptions are Markdown; raw HTML in them is shown as text, never rendered. */
export function Markdown({ children }: { children: string }) {
  if (!children.trim()) return <p className="text-sm italic text-slate-500">No description yet.</p>;
  return (
    <div className="prose-sm max-w-none space-y-2 text-sm text-slate-700 [&_a]:text-brand-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_ul]:list-disc">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </div>
  );
}
