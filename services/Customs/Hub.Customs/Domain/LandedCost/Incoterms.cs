using Hub.ServiceDefaults.Validation;

namespace Hub.Customs.Domain.LandedCost;

internal static class Incoterms
{
    public static bool TryParse(string? text, out Incoterm incoterm) =>
        RequestValues.TryParseName(text, out incoterm);

    /// <summary>True when the seller's price already pays the main carriage to the destination.</summary>
    public static bool IncludesFreight(this Incoterm term) => term is not (Incoterm.Exw or Incoterm.Fca or Incoterm.Fas or Incoterm.Fob);

    /// <summary>True when the seller's price already includes the cargo insurance.</summary>
    public static bool IncludesInsurance(this Incoterm term) => term is Incoterm.Cif or Incoterm.Cip or Incoterm.Dap or Incoterm.Dpu or Incoterm.Ddp;
}
