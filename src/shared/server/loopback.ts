/** Whether a host name or address is this machine only (127.0.0.0/8, ::1, localhost): traffic to it never crosses a network. */
export function isLoopbackHost(host: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i.test(host);
}
