namespace Hub.Customs.Domain.Declarations;

/// <summary>
/// The local reference number is already used by another order's declaration. The message names only the LRN, never
/// that declaration, its order or its status.
/// </summary>
internal sealed class LrnTakenException(string lrn)
    : Exception($"LRN '{lrn}' is already in use for another order; give a reference of your own.")
{
    public string Lrn { get; } = lrn;
}
