// Property tests are deterministic: one fixed seed for every fast-check run, so CI and a
// developer see the same cases. Change FAST_CHECK_SEED locally to explore other cases.
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env['FAST_CHECK_SEED'] ?? 20261129) });
