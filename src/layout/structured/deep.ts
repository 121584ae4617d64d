/**
 * Recursion without the call stack: a pass written as a generator yields each "recursive call" (another
 * generator) and receives its result; `runDeep` drives them on an explicit stack. The passes keep their
 * recursive shape and order (so pictures stay the same) while a flow nested 5,000 levels deep (a chain of
 * Decisions, each the default path of the one before) cannot overflow the stack.
 */
export type Deep<T> = Generator<Deep<unknown>, T, unknown>;

export function runDeep<T>(root: Deep<T>): T {
  const stack: Deep<unknown>[] = [root];
  let value: unknown;
  for (;;) {
    const top = stack[stack.length - 1] as Deep<unknown>;
    const step = top.next(value);
    if (step.done) {
      stack.pop();
      value = step.value;
      if (stack.length === 0) return value as T;
    } else {
      stack.push(step.value);
      value = undefined;
    }
  }
}
