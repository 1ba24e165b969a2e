/**
 * The command line of `deno task bench`: a table of options, parsed and
 * checked completely before anything starts. Pure.
 *
 * @module
 */

/** The scenarios, in the order `all` runs them. */
export const SCENARIOS = ["fanout", "latency", "idle", "join", "files"] as const;

/** A scenario name. */
export type Scenario = typeof SCENARIOS[number];

/** Which servers a run drives. */
export type Targets = "both" | "stealth" | "baseline";

/** Everything a bench run is told. */
export interface BenchOptions {
  /** Scenarios to run, in order. */
  scenarios: Scenario[];
  /** Clients per run; absent: the scenario's own list (fanout 50, 200, 1000; idle 1000, 5000...). */
  clients?: number;
  /** Clients that send; absent: all of them. */
  senders?: number;
  /** Offered deliveries per second, total; absent: fanout ramps, latency runs 20k and 1M. */
  rate?: number;
  /** Seconds of load per ramp step (fanout) or run (latency); absent: the scenario's default. */
  seconds?: number;
  /** Plaintext bytes of each message body. */
  size: number;
  /** Most ramp steps. */
  steps: number;
  /** Load worker processes; absent: enough for the clients (one per 250, at least 2). */
  workers?: number;
  /** Which servers to drive. */
  targets: Targets;
  /** The server's flush scheduling; absent: the server's default. */
  flush?: "immediate" | "timer";
  /** The server's flush pace in ms (with "immediate"); absent: the server's default. */
  pace?: number;
  /** Longest wait (s) for other processes to leave the machine quiet before each step; 0: none, and no retries. */
  quietWait: number;
  /** Pin the server to a core of its own and the load to the others (when there are ≥ 2). */
  pin: boolean;
  /** One JSON object per line instead of tables. */
  json: boolean;
  /** Print the usage and do nothing else. */
  help: boolean;
}

/** The usage text. */
export const USAGE = `deno task bench [options]

Starts the stealth server (and a registry) and a baseline relay on 127.0.0.1,
drives each with real TLS 1.3 clients from worker processes, and prints both
side by side with their ratio.

  --scenario NAME   fanout | latency | idle | join | files | all (default: all)
  --clients N       members per run (default: per scenario: fanout 50,200,1000;
                    latency 200; idle 1000,5000; join 1000)
  --senders S       members that send (default: all of them)
  --rate R          offered deliveries/s in total (fanout: one step, no ramp;
                    latency: instead of 20,000 and 1,000,000)
  --seconds T       seconds per ramp step (fanout, default 3) or per run
                    (latency, default 5)
  --size BYTES      plaintext bytes per message (default 200)
  --steps K         most ramp steps (default 16)
  --workers W       load worker processes (default: one per 250 clients, ≥ 2)
  --target WHICH    both | stealth | baseline (default: both)
  --flush KIND      immediate | timer: the server's flush scheduling
  --pace MS         least time between two flush rounds of the server
  --no-pin          do not give the server a core of its own (taskset)
  --quiet-wait S    before each step, wait up to S s for other processes to
                    leave the machine quiet, and measure a step again (3 tries
                    at most) when they did not (default 30; 0: never)
  --json            one JSON object per run, one per line
  --help            this text`;

const LIMITS = {
  clients: [1, 20_000],
  senders: [0, 20_000],
  rate: [1, 100_000_000],
  seconds: [0.2, 3_600],
  size: [1, 65_536],
  steps: [1, 40],
  workers: [1, 64],
  pace: [0, 100],
  "quiet-wait": [0, 600],
} as const;

/**
 * Parses the bench's arguments.
 *
 * @throws {TypeError} for an unknown option or a missing value.
 * @throws {RangeError} for a value out of its range or a name not known.
 */
export function parseBenchArgs(args: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    scenarios: [...SCENARIOS],
    size: 200,
    steps: 16,
    targets: "both",
    pin: true,
    quietWait: 30,
    json: false,
    help: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes("=") ? arg.split("=", 2) as [string, string] : [arg];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new TypeError(`Cannot parse ${flag}: it needs a value`);
      return v;
    };
    switch (flag) {
      case "--json":
        options.json = true;
        break;
      case "--no-pin":
        options.pin = false;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      case "--scenario": {
        const name = value();
        if (name === "all") {
          options.scenarios = [...SCENARIOS];
        } else if ((SCENARIOS as readonly string[]).includes(name)) {
          options.scenarios = [name as Scenario];
        } else {
          throw new RangeError(
            `Cannot parse --scenario: "${name}" is not ${SCENARIOS.join(", ")} or all`,
          );
        }
        break;
      }
      case "--target": {
        const which = value();
        if (which !== "both" && which !== "stealth" && which !== "baseline") {
          throw new RangeError(
            `Cannot parse --target: "${which}" is not both, stealth or baseline`,
          );
        }
        options.targets = which;
        break;
      }
      case "--flush": {
        const kind = value();
        if (kind !== "immediate" && kind !== "timer") {
          throw new RangeError(`Cannot parse --flush: "${kind}" is not immediate or timer`);
        }
        options.flush = kind;
        break;
      }
      case "--clients":
      case "--senders":
      case "--rate":
      case "--seconds":
      case "--size":
      case "--steps":
      case "--pace":
      case "--quiet-wait":
      case "--workers": {
        const name = flag.slice(2) as keyof typeof LIMITS;
        const number = Number(value());
        const [min, max] = LIMITS[name];
        const integer = !["seconds", "pace", "quiet-wait"].includes(name);
        if (
          !Number.isFinite(number) || number < min || number > max ||
          (integer && !Number.isInteger(number))
        ) {
          throw new RangeError(
            `Cannot parse ${flag}: expected ${
              integer ? "an integer" : "a number"
            } from ${min} to ${max}`,
          );
        }
        if (name === "quiet-wait") options.quietWait = number;
        else options[name] = number;
        break;
      }
      default:
        throw new TypeError(`Cannot parse ${arg}: unknown option (see --help)`);
    }
  }
  if (
    options.senders !== undefined && options.clients !== undefined &&
    options.senders > options.clients
  ) {
    throw new RangeError("Cannot parse --senders: more senders than clients");
  }
  return options;
}
