namespace Hub.Customs.Tests;

internal static class ProtoExtensions
{
    /// <summary>Changes a copy in place and returns it, for one-line variations of a request.</summary>
    public static T Also<T>(this T value, Action<T> change)
    {
        change(value);
        return value;
    }
}
