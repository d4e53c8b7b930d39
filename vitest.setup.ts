// Property tests run with a fixed seed so CI is repeatable; FC_SEED=random (or a number) explores further.
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed ?? 20261125) });
