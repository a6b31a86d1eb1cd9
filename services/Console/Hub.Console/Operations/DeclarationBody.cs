namespace Hub.Console.Operations;

/// <summary>A declaration as the customs service answers <c>GET /api/customs/declarations</c> (the fields the console shows).</summary>
internal sealed record DeclarationBody(
    string Id, string Type, string Status, string Lrn, string? Mrn, string OrderId, string Exporter, string Importer, string Currency, decimal TotalTaxes,
    double ScreeningScore, string? ScreeningMatch, string? HoldReason, string? RejectionReason, string? DecidedBy, DateTime SubmittedAt, DateTime? DecidedAt);
