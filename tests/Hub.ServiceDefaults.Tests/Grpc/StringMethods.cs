using System.Text;
using Grpc.Core;

namespace Hub.ServiceDefaults.Tests.Grpc;

/// <summary>Unary gRPC methods of strings, for calls that need no generated contract.</summary>
internal static class StringMethods
{
    private static readonly Marshaller<string> Utf8 = Marshallers.Create(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);

    public static Method<string, string> Unary(string service, string name) => new(MethodType.Unary, service, name, Utf8, Utf8);
}
