using Microsoft.AspNetCore.Mvc;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// Search parameters, bound from the query string: <c>q</c> full text in any language; <c>hs</c> an HS chapter (2
/// digits), heading (4) or subheading (6); <c>origin</c> a country; <c>minPrice</c>/<c>maxPrice</c> on the unit price at
/// the lowest break, in <c>currency</c> (required with a price bound); <c>maxMoq</c>; <c>inStock</c> (available ≥ MOQ);
/// <c>sort</c> newest | price_asc | price_desc | moq_asc; <c>lang</c> preferred title language; <c>limit</c>; <c>cursor</c>;
/// <c>status</c> draft | listed | delisted (a supplier's own list only; buyers only ever see listed products).
/// </summary>
internal sealed record SearchQuery(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "hs")] string? Hs,
    [FromQuery(Name = "origin")] string? Origin,
    [FromQuery(Name = "minPrice")] decimal? MinPrice,
    [FromQuery(Name = "maxPrice")] decimal? MaxPrice,
    [FromQuery(Name = "currency")] string? Currency,
    [FromQuery(Name = "maxMoq")] int? MaxMoq,
    [FromQuery(Name = "inStock")] bool? InStock,
    [FromQuery(Name = "sort")] string? Sort,
    [FromQuery(Name = "lang")] string? Lang,
    [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor,
    [FromQuery(Name = "status")] string? Status);
