using System.Collections;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// The gRPC side of the REST APIs' NUL refusal: a request with a string field carrying the NUL character (which
/// PostgreSQL can keep in neither text nor JSON) is refused with INVALID_ARGUMENT naming the field, before the service
/// sees it, instead of failing its transaction as an internal error a partner hub would retry.
/// </summary>
public sealed class NulTextGuard : Interceptor
{
    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        if (request is IMessage message && FieldWithNul(message) is { } field)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"{field}: text must not contain the NUL character (\\u0000)."));
        }

        return continuation(request, context);
    }

    /// <summary>The path (<c>lines[0].product_id</c>) of the first string field of <paramref name="message"/> holding NUL, or null.</summary>
    internal static string? FieldWithNul(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    if ((NulIn(entry.Key, $"{field.Name}[{entry.Key}]") ?? NulIn(entry.Value, $"{field.Name}[{entry.Key}]")) is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (field.IsRepeated)
            {
                var index = 0;
                foreach (var item in (IList)value)
                {
                    if (NulIn(item, $"{field.Name}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (NulIn(value, field.Name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? NulIn(object? value, string path) => value switch
    {
        string text when text.Contains('\0', StringComparison.Ordinal) => path,
        IMessage nested when FieldWithNul(nested) is { } inner => $"{path}.{inner}",
        _ => null,
    };
}
