/** The export name of a kind's validator in `validators.generated.ts` (`class-id` -> `kind_class_id`). */
export function validatorName(kind: string): string {
  return `kind_${kind.replace(/[^a-zA-Z0-9]/g, '_')}`;
}
