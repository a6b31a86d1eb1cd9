namespace Hub.Customs.Domain.Declarations;

/// <summary>Exporter, importer or declarant: name, address, country and trader id (the hub company id when known).</summary>
internal sealed class Party
{
    private Party()
    {
    }

    public Party(string name, string? address, string country, string? traderId)
    {
        Name = name;
        Address = address;
        Country = country;
        TraderId = traderId;
    }

    public string Name { get; private set; } = "";

    public string? Address { get; private set; }

    public string Country { get; private set; } = "";

    public string? TraderId { get; private set; }
}
