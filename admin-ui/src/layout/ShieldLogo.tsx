/** The LeakShield mark (the same shape as the favicon). */
export function ShieldLogo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path fill="#3949ab" d="M16 2 4 7v8c0 7.4 5.1 13.6 12 15 6.9-1.4 12-7.6 12-15V7L16 2z" />
      <path fill="#fff" d="M14 21.5 9 16.5l2-2 3 3 7-7 2 2z" />
    </svg>
  );
}
