/** Stage (validating mode): a response that breaks the spec becomes a 500 naming the mismatch. */
import { describeFailure, type SchemaValidator } from '@vouchspec/spec/validation';
import { HttpError, type MockResponse } from '../http.js';

export function checkResponse(
  response: MockResponse,
  validators: ReturnType<SchemaValidator['responseValidators']>,
): void {
  const documented = validators.get(String(response.status));
  if (!documented) throw new HttpError(500, `Mock produced undocumented status ${response.status}`);
  const validate = documented.get('application/json');
  if (validate && !validate(response.body)) {
    const failure = describeFailure('response', validate.errors);
    throw new HttpError(500, `Mock response breaks the spec: ${failure.message}`);
  }
  if (!validate && response.body !== undefined)
    throw new HttpError(500, `Mock sent a body for bodiless status ${response.status}`);
}
