using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// A partner hub acts through a service's gRPC API only on its own hub's orders: a request whose <c>order_id</c> names
/// another hub's order (or none a hub could own) is refused with PERMISSION_DENIED before the service sees it. Calls
/// from inside the hub carry no partner identity and pass. For the services whose commands another hub sends for its
/// orders (stock, declarations, consignments); the gateway decides which methods partners reach at all.
/// </summary>
public sealed class PartnerOrderScope : Interceptor
{
    private const string OrderIdField = "order_id";

    /// <inheritdoc />
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(continuation);
        if (Caller.TryFrom(context.GetHttpContext().User, out var caller) && caller.IsPartnerHub && OrderIdOf(request) is { } orderId
            && !(OrderId.TryParse(orderId, out var order) && order.Hub == caller.Hub))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Partner hub {caller.Hub} acts here only on its own orders; {orderId} is not one of them."));
        }

        return continuation(request, context);
    }

    private static string? OrderIdOf(object? request) =>
        request is IMessage message && message.Descriptor.FindFieldByName(OrderIdField) is { FieldType: FieldType.String } field
            ? (string)field.Accessor.GetValue(message)
            : null;
}

/// <summary>Registration of <see cref="PartnerOrderScope"/>.</summary>
public static class PartnerOrderScopeRegistration
{
    /// <summary>Runs every call of <typeparamref name="TService"/> through <see cref="PartnerOrderScope"/>.</summary>
    /// <typeparam name="TService">The gRPC service class.</typeparam>
    /// <param name="services">The service collection.</param>
    public static IServiceCollection AddPartnerOrderScope<TService>(this IServiceCollection services)
        where TService : class
    {
        services.AddGrpc().AddServiceOptions<TService>(o => o.Interceptors.Add<PartnerOrderScope>());
        return services;
    }
}
