namespace Hub.Customs.Domain.LandedCost;

/// <summary>Incoterms 2020: what the invoice price includes decides what customs valuation adds or removes.</summary>
internal enum Incoterm
{
    Exw,
    Fca,
    Fas,
    Fob,
    Cfr,
    Cif,
    Cpt,
    Cip,
    Dap,
    Dpu,
    Ddp,
}
