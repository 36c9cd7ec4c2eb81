/**
 * Path parameters into a URL template such as `https://api.voucherify.io/v1/customers/{customerId}`.
 * The specs' path parameters are all simple-style strings, so each template is split once and later calls
 * only join; openapi-fetch's own serializer re-parses the template on every request.
 */
export function pathSerializer(): (template: string, params: Record<string, unknown>) => string {
  const compiled = new Map<string, string[]>();
  return (template, params) => {
    let parts = compiled.get(template);
    if (!parts) {
      parts = template.split(/\{([^{}]+)\}/);
      compiled.set(template, parts);
    }
    let url = parts[0] as string;
    for (let index = 1; index < parts.length; index += 2) {
      const value = params[parts[index] as string];
      if (value === undefined || value === null || value === '') {
        throw new TypeError(`${template} needs the path parameter ${parts[index]}`);
      }
      url += encodeURIComponent(value as string) + parts[index + 1];
    }
    return url;
  };
}
