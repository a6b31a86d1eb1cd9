using Grpc.Core;
using Hub.ServiceDefaults.Data;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// Refusals of a gRPC API name the request's fields as its proto does (<c>lines[0].product_id</c>), whichever check
/// found them: the checks a service shares with its REST API name them as the JSON does (<c>lines[0].productId</c>).
/// </summary>
public static class ProtoFields
{
    /// <summary>A JSON field path (<c>lines[0].productId</c>) as the proto's (<c>lines[0].product_id</c>); a proto path stays as it is.</summary>
    /// <param name="path">The field path a check named.</param>
    public static string Path(string path) => SnakeCaseNaming.ToSnakeCase(path);

    /// <summary>INVALID_ARGUMENT naming every field refused and why, as <c>field: reason; field: reason</c>.</summary>
    /// <param name="errors">The reasons by field path.</param>
    public static RpcException Invalid(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new RpcException(new Status(StatusCode.InvalidArgument, string.Join("; ", errors.Select(e => $"{Path(e.Key)}: {string.Join(" ", e.Value)}"))));
    }
}
