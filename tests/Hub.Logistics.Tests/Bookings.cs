using Hub.Logistics.V1;

namespace Hub.Logistics.Tests;

/// <summary>Builds gRPC booking requests.</summary>
internal static class Bookings
{
    public static Carton Carton(string l, string w, string h, string kg, int quantity = 1) =>
        new() { LengthCm = l, WidthCm = w, HeightCm = h, WeightKg = kg, Quantity = quantity };

    public static LaneKey Lane(string destination = "CN", string mode = "SEA", string origin = "KR") =>
        new() { Origin = origin, Destination = destination, Mode = mode };

    public static BookConsignmentRequest Request(string order, string company, LaneKey lane, params Carton[] cartons)
    {
        var request = new BookConsignmentRequest { OrderId = order, CompanyId = company, Lane = lane };
        request.Cartons.AddRange(cartons);
        return request;
    }
}
