namespace Hub.Catalog.Endpoints;

/// <summary>
/// Search parameters, bound from the query string: <c>q</c> full text in any language; <c>hs</c> an HS chapter (2
/// digits), heading (4) or subheading (6); <c>origin</c> a country; <c>minPrice</c>/<c>maxPrice</c> on the unit price at
/// the lowest break, in <c>currency</c> (required with a price bound); <c>maxMoq</c>; <c>inStock</c> (available ≥ MOQ);
/// <c>sort</c> newest | price_asc | price_desc | moq_asc; <c>lang</c> preferred title language; <c>limit</c>; <c>cursor</c>.
/// </summary>
internal sealed record SearchQuery(
    string? Q,
    string? Hs,
    string? Origin,
    decimal? MinPrice,
    decimal? MaxPrice,
    string? Currency,
    int? MaxMoq,
    bool? InStock,
    string? Sort,
    string? Lang,
    int? Limit,
    string? Cursor,
    string? Status);
