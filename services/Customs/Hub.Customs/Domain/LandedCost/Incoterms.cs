namespace Hub.Customs.Domain.LandedCost;

internal static class Incoterms
{
    public static bool TryParse(string? text, out Incoterm incoterm) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out incoterm) && Enum.IsDefined(incoterm) && !int.TryParse(text, out _);

    /// <summary>True when the seller's price already pays the main carriage to the destination.</summary>
    public static bool IncludesFreight(this Incoterm term) => term is not (Incoterm.Exw or Incoterm.Fca or Incoterm.Fas or Incoterm.Fob);

    /// <summary>True when the seller's price already includes the cargo insurance.</summary>
    public static bool IncludesInsurance(this Incoterm term) => term is Incoterm.Cif or Incoterm.Cip or Incoterm.Dap or Incoterm.Dpu or Incoterm.Ddp;
}
