/** What an error that reached the console's root says to the user: its message, never a stack trace. */
export function failureMessage(error: unknown): string {
  if (error instanceof Error) return error.message.trim() || error.name;
  if (typeof error === 'string' && error.trim()) return error.trim();
  return 'An unexpected error without a message.';
}
