namespace Hub.Customs.Domain.Declarations;

/// <summary>How the goods travel: mode, vessel or flight, containers, the house/master B/L or AWB and UN/LOCODE places.</summary>
internal sealed class Transport
{
    private Transport()
    {
    }

    public Transport(string mode, string? conveyance, IReadOnlyList<string> containerIds, string? transportDocument, string? loadingPlace, string? unloadingPlace)
    {
        Mode = mode;
        Conveyance = conveyance;
        ContainerIds = [.. containerIds];
        TransportDocument = transportDocument;
        LoadingPlace = loadingPlace;
        UnloadingPlace = unloadingPlace;
    }

    public string Mode { get; private set; } = "";

    public string? Conveyance { get; private set; }

    public List<string> ContainerIds { get; private set; } = [];

    public string? TransportDocument { get; private set; }

    public string? LoadingPlace { get; private set; }

    public string? UnloadingPlace { get; private set; }
}
