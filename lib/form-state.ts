/**
 * What a server action behind an ActionForm answers: `ActionState<{ status: "done"; message }>`
 * from lib/actions fits it (a failure carries more than the message the form shows).
 */
export type FormState = { status: "idle" } | { status: "error"; message: string } | { status: "done"; message: string };
