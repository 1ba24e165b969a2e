/**
 * What the kernel says about a process and the machine (Linux `/proc`): CPU
 * time, resident memory, the machine's busy time and what it is. Only
 * readers; a missing `/proc` (another OS) reads as zeros.
 *
 * @module
 */

/** Clock ticks per second of `/proc` CPU times (`getconf CLK_TCK`; 100 on every Linux we run). */
const CLOCK_TICKS = 100;

/** CPU seconds (user + system, all threads) a process has used so far; 0 when it is gone. */
export function cpuSeconds(pid: number): number {
  let text: string;
  try {
    text = Deno.readTextFileSync(`/proc/${pid}/stat`);
  } catch {
    return 0;
  }
  // The command name may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state); utime is field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Resident memory of a process now and at its peak, in bytes; zeros when it is gone. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  let text: string;
  try {
    text = Deno.readTextFileSync(`/proc/${pid}/status`);
  } catch {
    return { rss: 0, peak: 0 };
  }
  return { rss: kib(text, "VmRSS") * 1024, peak: kib(text, "VmHWM") * 1024 };
}

function kib(status: string, field: string): number {
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) : 0;
}

/** The machine's CPU time so far, in seconds summed over cores: busy and total. */
export function machineCpu(): { busy: number; total: number } {
  let text: string;
  try {
    text = Deno.readTextFileSync("/proc/stat");
  } catch {
    return { busy: 0, total: 0 };
  }
  const numbers = text.slice(0, text.indexOf("\n")).trim().split(/\s+/).slice(1).map(Number);
  const total = numbers.reduce((a, b) => a + b, 0);
  // idle and iowait are the 4th and 5th numbers.
  const idle = (numbers[3] ?? 0) + (numbers[4] ?? 0);
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

/** What the machine is, for the report. */
export interface MachineInfo {
  /** Logical cores. */
  cores: number;
  /** CPU model name. */
  cpu: string;
  /** Memory in GiB. */
  memoryGiB: number;
  /** Kernel release. */
  kernel: string;
  /** Deno and V8 versions. */
  deno: string;
}

/** Describes this machine. */
export function machineInfo(): MachineInfo {
  const read = (path: string) => {
    try {
      return Deno.readTextFileSync(path);
    } catch {
      return "";
    }
  };
  const cpu = read("/proc/cpuinfo").match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? "unknown";
  const memKib = Number(read("/proc/meminfo").match(/^MemTotal:\s+(\d+)/m)?.[1] ?? 0);
  return {
    cores: navigator.hardwareConcurrency,
    cpu,
    memoryGiB: Math.round(memKib / 1024 / 1024),
    kernel: read("/proc/sys/kernel/osrelease").trim(),
    deno: `${Deno.version.deno} (V8 ${Deno.version.v8})`,
  };
}
