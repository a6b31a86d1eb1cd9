namespace Hub.Logistics.Domain.Planning;

/// <summary>Volume in whole cubic centimetres and weight in whole grams, so limit checks are exact.</summary>
internal readonly record struct Load(long VolumeCm3, long WeightGrams)
{
    public static Load operator +(Load left, Load right) => new(left.VolumeCm3 + right.VolumeCm3, left.WeightGrams + right.WeightGrams);

    public static Load operator -(Load left, Load right) => new(left.VolumeCm3 - right.VolumeCm3, left.WeightGrams - right.WeightGrams);

    public bool FitsWithin(Load capacity) => VolumeCm3 <= capacity.VolumeCm3 && WeightGrams <= capacity.WeightGrams;
}
