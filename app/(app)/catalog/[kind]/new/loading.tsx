import { EditorSkeleton } from "@/components/authoring/editor-skeleton";

export default function Loading() {
  return <EditorSkeleton />;
}
