/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb';
}

const wrap = (code: string) => (s: string, on = useColour()) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
export const red = wrap('31');
export const yellow = wrap('33');
export const green = wrap('32');
export const bold = wrap('1');
export const dim = wrap('2');
