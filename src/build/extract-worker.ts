import { parentPort, workerData } from 'node:worker_threads';
import { DEFAULT_REGISTRY } from '../kinds/registry.ts';
import { compileProfile, type ProfileData } from '../profiles/profile.ts';
import { extractSafely, type ExtractRequest } from './extract-safely.ts';

/** Worker side of the extraction pool: the profile comes as data once; then one request in, one DocumentFacts out. */
const profile = compileProfile((workerData as { profile: ProfileData }).profile);
parentPort?.on('message', (request: ExtractRequest) => {
  parentPort?.postMessage({ id: request.id, facts: extractSafely(request.path, request.text, profile, DEFAULT_REGISTRY) });
});
