using System.Globalization;
using Hub.Contracts.Values;
using Hub.Customs.Application;
using Hub.Customs.Domain;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;
using Hub.Customs.V1;
using DomainCertificate = Hub.Customs.Domain.LandedCost.CertificateOfOrigin;
using DomainDeclarationType = Hub.Customs.Domain.Declarations.DeclarationType;
using DomainGoodsLine = Hub.Customs.Domain.LandedCost.GoodsLine;
using DomainParty = Hub.Customs.Domain.Declarations.Party;
using DomainTransport = Hub.Customs.Domain.Declarations.Transport;

namespace Hub.Customs.Grpc;

/// <summary>Turns wire messages into domain input, naming the first field that is missing or malformed.</summary>
internal static class ProtoParser
{
    private const int MaxBuyerLength = 64;

    // What a declaration keeps of each text it records (its parties, goods and transport travel as JSON, without
    // column lengths of their own), and of its goods lines; longer ones are refused naming the field, nothing stored.
    private const int MaxLines = 999;
    private const int MaxNameLength = 200;
    private const int MaxAddressLength = 500;
    private const int MaxTraderIdLength = 32;
    private const int MaxDescriptionLength = 512;
    private const int MaxPlaceLength = 128;
    private const int MaxReferenceLength = 64;
    private const int MaxModeLength = 16;
    private const int MaxContainers = 999;
    private const int MaxContainerIdLength = 32;

    public static LandedCostRequest Parse(PreviewLandedCostRequest request, HubId thisHub, Func<HubId, DateOnly> today)
    {
        var destination = string.IsNullOrWhiteSpace(request.DestinationHub)
            ? thisHub
            : HubId.TryParse(request.DestinationHub, out var hub) ? hub : throw Invalid("destinationHub", $"'{request.DestinationHub}' is not a hub id.");
        var date = string.IsNullOrWhiteSpace(request.OnDate)
            ? today(destination)
            : DateOnly.TryParseExact(request.OnDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d
                : throw Invalid("onDate", $"'{request.OnDate}' is not a date (yyyy-MM-dd).");
        var currency = Currency(request.InvoiceCurrency);
        return new LandedCostRequest(destination, currency, Incoterm(request.Incoterm), Money(request.FreightMinor, currency, "freight_minor"),
            Money(request.InsuranceMinor, currency, "insurance_minor"), Channel(request.Channel), Buyer(request.BuyerId), date,
            [.. request.Lines.Select((l, i) => Line(l, i, currency))]);
    }

    public static DeclarationDraft Parse(DeclareRequest request)
    {
        var type = request.Type switch
        {
            V1.DeclarationType.Export => DomainDeclarationType.Export,
            V1.DeclarationType.Import => DomainDeclarationType.Import,
            _ => throw Invalid("type", "Say whether this is an export or an import declaration."),
        };
        var lrn = request.Lrn?.Trim();
        if (string.IsNullOrEmpty(lrn) || lrn.Length > 64)
        {
            throw Invalid("lrn", "The local reference number is required (at most 64 characters).");
        }

        if (!OrderId.TryParse(request.OrderId, out var orderId))
        {
            throw Invalid("orderId", $"'{request.OrderId}' is not an order id such as CN-O-000042.");
        }

        var currency = Currency(request.InvoiceCurrency);
        if (request.Lines.Count == 0)
        {
            throw Invalid("lines", "At least one goods line is required.");
        }

        if (request.Lines.Count > MaxLines)
        {
            throw Invalid("lines", $"A declaration has at most {MaxLines} goods lines; split the consignment.");
        }

        var items = request.Lines.Select((l, i) => new DraftItem(Line(l, i, currency), Required(l.Description, $"lines[{i}].description", MaxDescriptionLength),
            OptionalDecimal(l.NetMassKg, $"lines[{i}].netMassKg"), OptionalDecimal(l.GrossMassKg, $"lines[{i}].grossMassKg"))).ToList();
        return new DeclarationDraft(type, lrn, orderId, Party(request.Exporter, "exporter"), Party(request.Importer, "importer"),
            request.Declarant is null ? Party(type == DomainDeclarationType.Export ? request.Exporter : request.Importer, "declarant") : Party(request.Declarant, "declarant"),
            Incoterm(request.Incoterm), Blank(request.IncotermPlace, "incotermPlace", MaxPlaceLength), Blank(request.InvoiceNumber, "invoiceNumber", MaxReferenceLength), currency,
            Money(request.FreightMinor, currency, "freight_minor"), Money(request.InsuranceMinor, currency, "insurance_minor"), Channel(request.Channel),
            Buyer(request.BuyerId), items, Transport(request.Transport ?? new V1.Transport()));
    }

    private static DomainTransport Transport(V1.Transport transport)
    {
        if (transport.ContainerIds.Count > MaxContainers)
        {
            throw Invalid("transport.containerIds", $"At most {MaxContainers} containers.");
        }

        var containers = transport.ContainerIds.Select((c, i) => StoredText.Ensure($"transport.containerIds[{i}]", c.Trim(), MaxContainerIdLength)).ToList();
        return new DomainTransport(Blank(transport.Mode, "transport.mode", MaxModeLength) ?? "unknown", Blank(transport.Conveyance, "transport.conveyance", MaxPlaceLength),
            containers, Blank(transport.TransportDocument, "transport.transportDocument", MaxReferenceLength),
            Blank(transport.LoadingPlace, "transport.loadingPlace", MaxPlaceLength), Blank(transport.UnloadingPlace, "transport.unloadingPlace", MaxPlaceLength));
    }

    private static DomainGoodsLine Line(V1.GoodsLine line, int i, CurrencyCode currency)
    {
        if (!HsCode.TryParse(line.HsCode, out var code))
        {
            throw Invalid($"lines[{i}].hsCode", $"'{line.HsCode}' is not an HS2022 code (6-digit subheading or national line).");
        }

        if (string.IsNullOrWhiteSpace(line.Origin))
        {
            throw Invalid($"lines[{i}].origin", "The country of origin is required.");
        }

        if (!CountryCode.TryParse(line.Origin, out var origin))
        {
            throw Invalid($"lines[{i}].origin", $"'{line.Origin}' is not an ISO 3166-1 alpha-2 country.");
        }

        var quantity = OptionalDecimal(line.Quantity, $"lines[{i}].quantity") ?? throw Invalid($"lines[{i}].quantity", "A quantity is required.");
        if (quantity <= 0m)
        {
            throw Invalid($"lines[{i}].quantity", "A quantity must be positive.");
        }

        return new DomainGoodsLine(code, origin, quantity, Blank(line.Unit, $"lines[{i}].unit", TariffLine.MaxUnitLength)?.ToUpperInvariant() ?? "NAR", Money(line.ValueMinor, currency, $"lines[{i}].value_minor"),
            line.Certificate is null ? null : Certificate(line.Certificate, $"lines[{i}].certificate"));
    }

    private static DomainCertificate Certificate(V1.CertificateOfOrigin c, string field)
    {
        if (!CountryCode.TryParse(c.Origin, out var origin))
        {
            throw Invalid($"{field}.origin", $"'{c.Origin}' is not an ISO 3166-1 alpha-2 country.");
        }

        if (!DateOnly.TryParseExact(c.IssuedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issued))
        {
            throw Invalid($"{field}.issuedOn", $"'{c.IssuedOn}' is not a date (yyyy-MM-dd).");
        }

        if (c.HsSubheading is not { Length: 6 } || !HsCode.TryParse(c.HsSubheading, out _))
        {
            throw Invalid($"{field}.hsSubheading", $"'{c.HsSubheading}' is not a 6-digit HS2022 subheading.");
        }

        return new DomainCertificate(Required(c.Number, $"{field}.number", MaxReferenceLength),
            Required(c.Agreement, $"{field}.agreement", PreferentialRate.MaxAgreementLength).ToUpperInvariant(),
            origin, c.HsSubheading, issued, c.DirectTransport);
    }

    private static DomainParty Party(V1.Party? party, string field)
    {
        if (party is null)
        {
            throw Invalid(field, $"The {field} is required.");
        }

        if (!CountryCode.TryParse(party.Country, out var country))
        {
            throw Invalid($"{field}.country", $"'{party.Country}' is not an ISO 3166-1 alpha-2 country.");
        }

        return new DomainParty(Required(party.Name, $"{field}.name", MaxNameLength), Blank(party.Address, $"{field}.address", MaxAddressLength), country.Code,
            Blank(party.TraderId, $"{field}.traderId", MaxTraderIdLength));
    }

    private static Incoterm Incoterm(string text) =>
        Incoterms.TryParse(text, out var term) ? term : throw Invalid("incoterm", $"'{text}' is not an Incoterms 2020 rule (EXW, FCA, FAS, FOB, CFR, CIF, CPT, CIP, DAP, DPU, DDP).");

    private static CurrencyCode Currency(string text) =>
        CurrencyCode.TryParse(text, out var currency) ? currency : throw Invalid("invoiceCurrency", $"'{text}' is not an ISO 4217 currency code.");

    private static TradeChannel Channel(V1.Channel channel) => channel switch
    {
        V1.Channel.Unspecified or V1.Channel.GeneralTrade => TradeChannel.GeneralTrade,
        V1.Channel.Ecommerce => TradeChannel.ECommerce,
        _ => throw Invalid("channel", $"Unknown channel {channel}."),
    };

    // Every amount of the platform is at most Money.MaxAmountMinorUnits minor units of its currency.
    private static decimal Money(long minor, CurrencyCode currency, string field) => minor switch
    {
        < 0 => throw Invalid(field, "An amount cannot be negative."),
        > Contracts.Values.Money.MaxAmountMinorUnits => throw Invalid(field,
            $"An amount is at most {Contracts.Values.Money.MaxAmountMinorUnits} minor units of {currency} (was {minor})."),
        _ => Contracts.Values.Money.FromMinorUnits(minor, currency).Amount,
    };

    // Quantities and masses are kept with the digits a declaration records.
    private static decimal? OptionalDecimal(string? text, string field) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                ? value < 0m ? throw Invalid(field, "The value cannot be negative.") : StoredNumber.Quantity.Ensure(field, value)
                : throw Invalid(field, $"'{text}' is not a decimal number.");

    private static string Required(string? text, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(text) ? throw Invalid(field, "The field is required.") : StoredText.Ensure(field, text.Trim(), maxLength);

    private static string? Blank(string? text, string field, int maxLength) =>
        Blank(text) is { } kept ? StoredText.Ensure(field, kept, maxLength) : null;

    // One buyer however the caller spells it (kr-c-000001 is KR-C-000001); the low-value totals are kept per buyer.
    private static string? Buyer(string? text)
    {
        var buyer = Blank(text)?.ToUpperInvariant();
        return buyer is { Length: > MaxBuyerLength }
            ? throw Invalid("buyerId", $"A buyer id has at most {MaxBuyerLength} characters.")
            : buyer;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static CustomsRuleException Invalid(string field, string message) => new(field, message);
}
