export async function resolve(specifier, context, next) {
  if (specifier === '@raisin/api') return next(new URL('./mock-api.ts', import.meta.url).href, context);
  return next(specifier, context);
}
