using System.Globalization;
using Hub.Logistics.Domain.Consignments;

namespace Hub.Logistics.Booking;

/// <summary>Reads cartons from the wire (decimal strings) and says exactly which field is wrong.</summary>
internal static class CartonInput
{
    /// <summary>The most cartons one request or consignment may count, quantities included.</summary>
    public const int MaxCartons = 10_000;

    public static IReadOnlyList<Carton> Parse(IReadOnlyList<V1.Carton> input, Dictionary<string, string[]> errors)
    {
        var cartons = new List<Carton>();
        var counted = 0;
        if (input.Count == 0)
        {
            errors["cartons"] = ["At least one carton is required."];
            return cartons;
        }

        for (var i = 0; i < input.Count; i++)
        {
            var c = input[i];
            var length = Positive(c.LengthCm, $"cartons[{i}].lengthCm", errors);
            var width = Positive(c.WidthCm, $"cartons[{i}].widthCm", errors);
            var height = Positive(c.HeightCm, $"cartons[{i}].heightCm", errors);
            var weight = Positive(c.WeightKg, $"cartons[{i}].weightKg", errors);
            if (c.Quantity < 0)
            {
                errors[$"cartons[{i}].quantity"] = ["The quantity cannot be negative."];
                continue;
            }

            // Counted before any carton is built, without overflowing however large the quantity.
            var quantity = Math.Max(c.Quantity, 1);
            if (quantity > MaxCartons)
            {
                errors[$"cartons[{i}].quantity"] = [$"At most {MaxCartons} cartons per consignment."];
                return cartons;
            }

            if (quantity > MaxCartons - counted)
            {
                errors["cartons"] = [$"At most {MaxCartons} cartons per consignment, quantities included."];
                return cartons;
            }

            counted += quantity;

            if (length is { } l && width is { } w && height is { } h && weight is { } kg)
            {
                cartons.AddRange(Enumerable.Range(0, quantity).Select(_ => new Carton(l, w, h, kg)));
            }
        }

        return cartons;
    }

    private static decimal? Positive(string value, string field, Dictionary<string, string[]> errors)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed <= 0 || parsed > 100_000)
        {
            errors[field] = [$"'{value}' is not a positive decimal number (e.g. \"50.5\")."];
            return null;
        }

        return parsed;
    }
}
