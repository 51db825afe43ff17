/// The demo team: its machines (only instance types of the bundled catalog, spec §2), its test
/// suites and benchmarks, its developers and branches. Plain arrays, never dictionaries, so that
/// every choice is made in a fixed order.
enum DemoHardware: Int, Sendable, CaseIterable {
    case nvidia, tpu, cpu

    var column: String {
        switch self {
        case .nvidia: return "nvidia"
        case .tpu: return "tpu"
        case .cpu: return "cpu"
        }
    }
}

struct DemoInstance: Sendable {
    let provider: String
    let type: String
    let hardware: DemoHardware
    let gpuModel: String?
    /// Catalog on-demand rate, USD per instance-hour.
    let onDemand: Double
    /// Regional on-demand rates where the catalog lists one (region, not zone).
    let regional: [(String, Double)]
    /// Catalog spot midpoint S; where the catalog lists none, on-demand × (1 − the provider's
    /// typical discount midpoint): aws 0.35 × R, gcp 0.30 × R.
    let spot: Double
    /// Regions or zones the team runs it in, with weights.
    let locations: [(String, Double)]
    /// Where on-demand runs go instead, in turn, when not empty: the team's scheduler spreads
    /// them over its capacity reservations round-robin, one turn in four in the dearest listed
    /// region (the region opportunity of spec §5, present every week).
    var onDemandRotation: [String] = []
    /// Multiplier on the trigger's spot share: GCP's A100 spot capacity is scarce, so most a2 runs
    /// stay on-demand.
    var spotAvailability: Double = 1
    /// Speed relative to an A100 for the latency of one benchmark (smaller is faster).
    let slowness: Double
    /// One device's memory: the largest memory_mb a benchmark reports on it, and what
    /// `DemoFleet.scaling(of:)` checks a benchmark's need against (times the accelerators).
    let memoryCapMB: Int
    /// Multiplier on a job's wall time (big machines finish sooner).
    let timeFactor: Double
    /// GPUs or chips, recorded as `gpu_count` by some runs.
    let accelerators: Int

    /// The on-demand rate R for a location (a zone or AZ maps to its region).
    func onDemandRate(at location: String) -> Double {
        let region = DemoFleet.region(of: location)
        for (name, rate) in regional where name == region { return rate }
        return onDemand
    }
}

enum DemoFleet {
    // MARK: Instances

    static let p5 = DemoInstance(
        provider: "aws", type: "p5.48xlarge", hardware: .nvidia, gpuModel: "H100", onDemand: 98.32,
        regional: [], spot: 34.5, locations: [("us-east-2", 3), ("us-west-2", 2)],
        slowness: 0.45, memoryCapMB: 81920, timeFactor: 0.15, accelerators: 8)
    static let p4d = DemoInstance(
        provider: "aws", type: "p4d.24xlarge", hardware: .nvidia, gpuModel: "A100", onDemand: 32.77,
        regional: [("us-east-2", 32.77), ("us-west-2", 32.77), ("eu-west-1", 35.92)], spot: 12.5,
        locations: [("us-east-2", 5), ("us-west-2", 4), ("eu-west-1", 2)],
        onDemandRotation: ["us-east-2", "us-west-2", "eu-west-1", "us-east-2"],
        slowness: 0.7, memoryCapMB: 40960, timeFactor: 0.2, accelerators: 8)
    static let g5x = DemoInstance(
        provider: "aws", type: "g5.xlarge", hardware: .nvidia, gpuModel: "A10G", onDemand: 1.006,
        regional: [], spot: 0.35, locations: [("us-east-2", 5), ("us-west-2", 5)],
        slowness: 1.6, memoryCapMB: 16384, timeFactor: 1.0, accelerators: 1)
    static let g512x = DemoInstance(
        provider: "aws", type: "g5.12xlarge", hardware: .nvidia, gpuModel: "A10G", onDemand: 5.672,
        regional: [], spot: 5.672 * 0.35, locations: [("us-east-2", 4), ("us-west-2", 5)],
        slowness: 1.5, memoryCapMB: 16384, timeFactor: 0.4, accelerators: 4)
    static let c6i = DemoInstance(
        provider: "aws", type: "c6i.8xlarge", hardware: .cpu, gpuModel: nil, onDemand: 1.36,
        regional: [], spot: 1.36 * 0.35, locations: [("us-east-2", 3), ("us-west-2", 2)],
        slowness: 12, memoryCapMB: 8192, timeFactor: 1.0, accelerators: 0)
    static let a3 = DemoInstance(
        provider: "gcp", type: "a3-highgpu-8g", hardware: .nvidia, gpuModel: "H100", onDemand: 98.32,
        regional: [], spot: 29.50, locations: [("us-central1-a", 3), ("us-east4-b", 1)],
        slowness: 0.45, memoryCapMB: 81920, timeFactor: 0.15, accelerators: 8)
    static let a2 = DemoInstance(
        provider: "gcp", type: "a2-highgpu-1g", hardware: .nvidia, gpuModel: "A100", onDemand: 3.67,
        regional: [("us-central1", 3.67), ("us-east4", 3.67), ("europe-west4", 4.03)], spot: 1.10,
        locations: [("us-central1-a", 5), ("us-east4-b", 3), ("europe-west4-a", 2)],
        onDemandRotation: ["us-central1-a", "us-east4-b", "europe-west4-a", "us-central1-a"], spotAvailability: 0.3,
        slowness: 0.75, memoryCapMB: 40960, timeFactor: 0.55, accelerators: 1)
    static let a2x2 = DemoInstance(
        provider: "gcp", type: "a2-highgpu-2g", hardware: .nvidia, gpuModel: "A100", onDemand: 7.35,
        regional: [], spot: 7.35 * 0.30, locations: [("us-central1-a", 3), ("us-east4-b", 1)],
        slowness: 0.7, memoryCapMB: 40960, timeFactor: 0.45, accelerators: 2)
    static let g2 = DemoInstance(
        provider: "gcp", type: "g2-standard-4", hardware: .nvidia, gpuModel: "L4", onDemand: 0.84,
        regional: [], spot: 0.25, locations: [("us-central1-a", 5), ("europe-west4-a", 3), ("us-east4-b", 2)],
        slowness: 1.8, memoryCapMB: 16384, timeFactor: 1.1, accelerators: 1)
    static let n2 = DemoInstance(
        provider: "gcp", type: "n2-standard-32", hardware: .cpu, gpuModel: nil, onDemand: 1.52,
        regional: [], spot: 1.52 * 0.30, locations: [("us-central1-a", 3), ("europe-west4-a", 1)],
        slowness: 11, memoryCapMB: 8192, timeFactor: 0.9, accelerators: 0)
    static let v5e1 = DemoInstance(
        provider: "gcp", type: "v5litepod-1", hardware: .tpu, gpuModel: "TPU v5e", onDemand: 1.20,
        regional: [], spot: 1.20 * 0.30, locations: [("us-west4-a", 4), ("us-central1-a", 3), ("europe-west4-b", 2)],
        slowness: 1.1, memoryCapMB: 16384, timeFactor: 1.0, accelerators: 1)
    static let v5e4 = DemoInstance(
        provider: "gcp", type: "v5litepod-4", hardware: .tpu, gpuModel: "TPU v5e", onDemand: 4.80,
        regional: [], spot: 4.80 * 0.30, locations: [("us-west4-a", 4), ("us-central1-a", 2), ("europe-west4-b", 2)],
        slowness: 0.9, memoryCapMB: 40960, timeFactor: 0.45, accelerators: 4)
    static let v5e8 = DemoInstance(
        provider: "gcp", type: "v5litepod-8", hardware: .tpu, gpuModel: "TPU v5e", onDemand: 9.60,
        regional: [], spot: 2.88, locations: [("us-west4-a", 4), ("europe-west4-b", 3), ("us-central1-a", 1)],
        slowness: 0.8, memoryCapMB: 81920, timeFactor: 0.3, accelerators: 8)
    static let v5p8 = DemoInstance(
        provider: "gcp", type: "v5p-8", hardware: .tpu, gpuModel: "TPU v5p", onDemand: 12.00,
        regional: [], spot: 12.00 * 0.30, locations: [("us-east5-a", 1)],
        slowness: 0.6, memoryCapMB: 81920, timeFactor: 0.25, accelerators: 4)
    static let v6e1 = DemoInstance(
        provider: "gcp", type: "v6e-1", hardware: .tpu, gpuModel: "TPU v6e", onDemand: 2.40,
        regional: [], spot: 2.40 * 0.30, locations: [("us-east5-b", 3), ("europe-west4-a", 1)],
        slowness: 0.5, memoryCapMB: 32768, timeFactor: 1.0, accelerators: 1)

    /// `us-central1-a` → `us-central1`, `us-west-2a` → `us-west-2`, a region stays itself.
    static func region(of location: String) -> String {
        let parts = location.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[2].count == 1, let c = parts[2].first, c.isLetter {
            return "\(parts[0])-\(parts[1])"  // GCP zone
        }
        if parts.count == 3, let last = parts[2].last, last.isLetter, parts[2].dropLast().allSatisfy(\.isNumber),
           !parts[2].dropLast().isEmpty {
            return "\(parts[0])-\(parts[1])-\(parts[2].dropLast())"  // AWS availability zone
        }
        return location
    }

    // MARK: Suites

    enum Suite: Int, Sendable, CaseIterable {
        case nightlyBenchmarks, tpuBackend, nvidiaBackend, integration, unit, smoke, releaseValidation, perfRegression
        /// The nightly endurance job: one run every night on the CI's g5.xlarge, on-demand (a
        /// preemption would void half a day of soak), the steady load that makes a commitment pay.
        case nightlySoak

        var name: String {
            switch self {
            case .nightlyBenchmarks: return "nightly_benchmarks"
            case .tpuBackend: return "tpu_backend"
            case .nvidiaBackend: return "nvidia_backend"
            case .integration: return "integration"
            case .unit: return "unit"
            case .smoke: return "smoke"
            case .releaseValidation: return "release_validation"
            case .perfRegression: return "perf_regression"
            case .nightlySoak: return "nightly_soak"
            }
        }

        /// The `test_type` a run of this suite records (when it records one).
        var testType: String {
            switch self {
            case .unit: return "unit"
            case .smoke: return "quick"
            case .integration, .releaseValidation, .nightlySoak: return "integration"
            default: return "benchmark"
            }
        }

        /// Each record is one benchmark with a single pass/fail, rather than a pytest file.
        var isBenchmark: Bool {
            switch self {
            case .nightlyBenchmarks, .tpuBackend, .nvidiaBackend, .releaseValidation, .perfRegression, .nightlySoak:
                return true
            default: return false
            }
        }

        /// Unit and smoke tests: minutes per pytest file, whatever the spend.
        var isQuick: Bool { self == .unit || self == .smoke }

        /// Wall time is the job's own (hours of soak), not scaled to set the spend level.
        var hasFixedWallTime: Bool { isQuick || self == .nightlySoak }

        /// Wall time of one record on a reference machine, seconds.
        var secondsRange: (Double, Double) {
            switch self {
            case .unit: return (180, 2400)
            case .smoke: return (45, 600)
            case .integration: return (900, 2700)
            case .releaseValidation: return (600, 2400)
            case .nightlySoak: return (10800, 16200)
            default: return (240, 1800)
            }
        }

        /// Records (benchmarks or test files) in one run.
        var recordsRange: ClosedRange<Int> {
            switch self {
            case .unit: return 1...5
            case .smoke: return 1...3
            case .integration: return 1...3
            case .releaseValidation: return 3...6
            case .nightlySoak: return 3...4
            default: return 2...8
            }
        }

        /// Instances this suite runs on, with weights.
        var fleet: [(DemoInstance, Double)] {
            switch self {
            case .tpuBackend:
                return [(v5e1, 30), (v5e4, 18), (v5e8, 14), (v5p8, 6), (v6e1, 26)]
            case .nvidiaBackend:
                return [(g5x, 30), (g512x, 14), (a2, 24), (g2, 22), (p4d, 5), (p5, 0.6), (a3, 0.6)]
            case .nightlyBenchmarks, .perfRegression:
                return [(g5x, 16), (g512x, 10), (a2, 16), (g2, 14), (p4d, 6), (v5e1, 10), (v5e8, 7),
                        (v6e1, 10), (v5p8, 3), (p5, 0.4), (a3, 0.4)]
            case .releaseValidation:
                return [(p4d, 18), (a2, 24), (v5e8, 14), (g512x, 24), (v5p8, 6), (p5, 3), (a3, 3)]
            // Some jobs run on machines larger than their test type needs (spec §5 right-size):
            // integration on a 2-GPU a2 or an 8-chip v5e, unit and smoke tests on the 4-GPU
            // g5.12xlarge, an 8-chip v5e or a p4d someone had at hand.
            case .integration:
                return [(g512x, 14), (g5x, 22), (a2, 20), (a2x2, 16), (g2, 18), (v5e4, 12), (v5e8, 6), (v6e1, 8)]
            case .unit:
                return [(c6i, 20), (n2, 10), (g5x, 30), (g2, 25), (v5e1, 15), (g512x, 20), (v5e8, 8), (p4d, 4)]
            case .smoke:
                return [(g5x, 30), (g2, 30), (c6i, 15), (v5e1, 15), (n2, 10), (g512x, 10), (v5e8, 4)]
            case .nightlySoak:
                return [(g5x, 1)]
            }
        }

        /// Benchmark or test names this suite can produce on the given hardware.
        func names(on hardware: DemoHardware) -> [String] {
            switch self {
            case .unit:
                return ["test_kernels", "test_attention", "test_quantization", "test_fused_ops", "test_sharding",
                        "test_dataloader", "test_config", "test_memory_pool"]
            case .smoke:
                return ["smoke_import", "smoke_matmul", "smoke_collectives", "smoke_checkpoint"]
            case .integration:
                return ["end_to_end_training", "mixed_precision_pipeline", "checkpoint_roundtrip",
                        "resnet50_train", "llama_7b_infer"]
            case .nightlySoak:
                return ["soak_training_loop", "soak_inference_server", "soak_dataloader", "soak_checkpoint_cycle",
                        "soak_memory_growth"]
            default:
                let common = ["xla_matmul", "fused_gelu", "allreduce_bw", "resnet50_train", "llama_7b_infer",
                              "transformer_forward"]
                switch hardware {
                case .nvidia: return common + ["flash_attention", "fp8_matmul", "layernorm_triton"]
                case .tpu: return common + ["pallas_attention", "spmd_sharding"]
                case .cpu: return ["xla_matmul", "fused_gelu"]
                }
            }
        }
    }

    /// `Suite.fleet` and `Suite.names(on:)` tabulated once (by suite, then hardware raw value).
    static let fleets: [[(DemoInstance, Double)]] = Suite.allCases.map(\.fleet)
    static let names: [[[String]]] = Suite.allCases.map { suite in DemoHardware.allCases.map { suite.names(on: $0) } }

    /// How a benchmark's throughput scales, for performance per dollar (spec §13) to have a story:
    ///
    ///     throughput = work / slowness × speedup(n) × fit × noise(0.8…1.2)
    ///     speedup(n) = 1 / ((1 − p) + p / n)        Amdahl's law, n = max(1, accelerators)
    ///     fit        = 1 when n × memoryCapMB ≥ memoryNeedMB, else 0.25 (offloading to host memory)
    ///
    /// `p` is the share of the work that spreads over the devices: near 1 for collectives and sharded
    /// training, low for small element-wise kernels that one device already saturates. `memoryNeedMB`
    /// is what a benchmark needs across the devices (weights, activations): a 7B model in fp16 does
    /// not fit a 16 GB card. So the cheapest machine wins the small kernels, an A100 wins inference of
    /// the 7B model, and multi-device machines win sharded training, as on the team's real fleet.
    static func scaling(of name: String) -> (parallel: Double, memoryNeedMB: Double) {
        switch name {
        case "allreduce_bw": return (0.99, 0)
        case "spmd_sharding": return (0.97, 65_536)
        case "end_to_end_training": return (0.95, 61_440)
        case "resnet50_train": return (0.9, 12_288)
        case "llama_7b_infer": return (0.6, 28_672)
        case "soak_training_loop": return (0.9, 12_288)
        case "mixed_precision_pipeline": return (0.85, 20_480)
        case "transformer_forward", "flash_attention", "pallas_attention": return (0.7, 8_192)
        case "xla_matmul", "fp8_matmul": return (0.5, 4_096)
        default: return (0.2, 0)  // element-wise kernels, I/O, pytest files: one device is enough
        }
    }

    /// The throughput factor of `scaling(of:)` on `instance`: speedup × fit, before noise.
    static func throughputFactor(of name: String, on instance: DemoInstance) -> Double {
        let (p, need) = scaling(of: name)
        let n = Double(max(1, instance.accelerators))
        let speedup = 1 / ((1 - p) + p / n)
        let fit = n * Double(instance.memoryCapMB) >= need ? 1.0 : 0.25
        return speedup * fit
    }

    /// Reference latency (ms on an A100) and throughput scale of a benchmark.
    static func profile(of name: String) -> (latency: Double, work: Double) {
        switch name {
        case "xla_matmul": return (1.4, 1.2e6)
        case "fused_gelu": return (0.2, 2.4e5)
        case "allreduce_bw": return (0.9, 9.0e5)
        case "resnet50_train": return (95, 2.4e5)
        case "llama_7b_infer": return (24, 6.0e4)
        case "transformer_forward": return (1.8, 1.6e6)
        case "flash_attention": return (2.2, 1.5e6)
        case "fp8_matmul": return (1.1, 1.9e6)
        case "layernorm_triton": return (0.6, 5.5e5)
        case "pallas_attention": return (2.4, 1.1e6)
        case "spmd_sharding": return (7.5, 8.0e5)
        case "end_to_end_training": return (140, 1.2e5)
        case "mixed_precision_pipeline": return (3.2, 9.0e5)
        case "checkpoint_roundtrip": return (410, 3.0e4)
        case "soak_training_loop": return (120, 1.0e5)
        case "soak_inference_server": return (18, 8.0e4)
        case "soak_dataloader": return (4.5, 6.0e5)
        case "soak_checkpoint_cycle": return (380, 2.5e4)
        case "soak_memory_growth": return (2.0, 4.0e5)
        default: return (1.5, 5.0e5)  // pytest files: a rough per-test latency
        }
    }

    static let memorySizesMB: [Int] = [256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 40960, 81920]

    // MARK: People and code

    static let developers: [(String, Double)] = [
        ("alice", 22), ("bob", 18), ("carol", 15), ("dave", 14), ("erin", 12), ("frank", 10), ("grace", 7),
    ]

    static let topics = [
        "kv-cache", "rope-kernel", "fp8-matmul", "tpu-pallas", "cuda-graphs", "fused-rmsnorm", "moe-router",
        "paged-attention", "int4-quant", "xla-sharding", "triton-autotune", "flash-attn-v3",
    ]

    static let pytestArgs: [[String]] = [
        ["--tb=short", "-v"],
        ["-x", "-q", "-m", "not slow"],
        ["-n", "8", "--tb=short"],
        ["-n", "auto", "--tb=short"],
        ["-n", "auto", "-q"],
        ["-n", "0", "-q"],
        ["-q", "--benchmark-only"],
        ["--numprocesses=4", "--dist", "loadgroup"],
    ]
}
