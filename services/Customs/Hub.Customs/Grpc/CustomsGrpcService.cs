using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Customs.Application;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Declarations;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.V1;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Probes;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Grpc;

internal sealed class CustomsGrpcService(
    MessagingProbeRunner probes, ReferenceDataReader reader, DeclarationService declarations, PartyScreening screening, ServiceIdentity identity,
    CustomsCalendar calendar)
    : V1.Customs.CustomsBase
{
    public override Task<ProbeReply> Probe(ProbeRequest request, ServerCallContext context) =>
        probes.RunAsync(request, context.CancellationToken);

    public override Task<LandedCostReply> PreviewLandedCost(PreviewLandedCostRequest request, ServerCallContext context) => Guard(async () =>
    {
        var parsed = ProtoParser.Parse(request, identity.Hub, calendar.Today);
        var reference = await reader.LoadAsync(parsed.Destination, parsed.Buyer, parsed.Date, context.CancellationToken);
        return LandedCostCalculator.Calculate(parsed, reference).ToReply(parsed.Destination);
    });

    public override Task<DeclarationReply> Declare(DeclareRequest request, ServerCallContext context) => Guard(async () =>
    {
        ExportsOnlyForPartners(request.Type, context);
        return (await declarations.DeclareAsync(ProtoParser.Parse(request), context.CancellationToken)).ToReply();
    });

    public override Task<DeclarationReply> GetDeclaration(GetDeclarationRequest request, ServerCallContext context) => Guard(async () =>
        (await declarations.FindAsync(WellFormedIds.Malformed(request.DeclarationId, DeclarationId.Kind) is { } malformed
            ? throw new CustomsRuleException("declarationId", malformed)
            : request.DeclarationId, context.CancellationToken))?.ToReply()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No declaration {request.DeclarationId} in hub {identity.Hub}.")));

    public override Task<DeclarationReply> Withdraw(WithdrawDeclarationRequest request, ServerCallContext context) => Guard(async () =>
    {
        ExportsOnlyForPartners(request.Type, context);
        var type = request.Type switch
        {
            V1.DeclarationType.Export => Domain.Declarations.DeclarationType.Export,
            V1.DeclarationType.Import => Domain.Declarations.DeclarationType.Import,
            _ => throw new CustomsRuleException("type", "Say which declaration to withdraw: export or import."),
        };
        if (WellFormedIds.Malformed(request.OrderId, OrderId.Kind) is { } malformed)
        {
            throw new CustomsRuleException("orderId", malformed);
        }

        return (await declarations.WithdrawAsync(request.OrderId, type, request.Reason ?? "", context.CancellationToken))?.ToReply()
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Order {request.OrderId} has no {type} declaration in hub {identity.Hub}."));
    });

    public override Task<ScreeningReply> ScreenParties(ScreenPartiesRequest request, ServerCallContext context) => Guard(async () =>
    {
        if (!request.Names.Any(n => !string.IsNullOrWhiteSpace(n)))
        {
            throw new CustomsRuleException("names", "Give at least one name to screen.");
        }

        var result = await screening.ScreenAsync(request.Names, context.CancellationToken);
        return new ScreeningReply
        {
            Hit = result.IsHit,
            Score = result.Score,
            Party = result.Party ?? "",
            MatchedName = result.MatchedName ?? "",
            ListVersion = result.ListVersion,
            Threshold = result.Threshold,
        };
    });

    // Domain errors become status codes the caller can act on; the field travels in the message and a trailer.
    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (CustomsRuleException ex)
        {
            throw Fail(StatusCode.InvalidArgument, ex.Field, ex.Message);
        }
        catch (MissingReferenceDataException ex)
        {
            throw Fail(StatusCode.FailedPrecondition, ex.Field, ex.Message);
        }
        catch (LrnTakenException ex)
        {
            throw Fail(StatusCode.AlreadyExists, "lrn", ex.Message);
        }
        catch (DeclarationStateException ex)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, ex.Message));
        }
        catch (DbUpdateConcurrencyException)
        {
            // An operator released or rejected the declaration meanwhile; the caller reads it again and decides.
            throw new RpcException(new Status(StatusCode.Aborted, "The declaration changed meanwhile; read it again."));
        }
    }

    // The field as the proto names it, whichever check refused it (the domain's checks name the JSON's fields).
    private static RpcException Fail(StatusCode code, string field, string message)
    {
        var path = ProtoFields.Path(field);
        return new(new Status(code, $"{path}: {message}"), new Metadata { { "field", path } });
    }

    // A partner hub lodges here the export of goods leaving this hub for its buyer; an import into this hub is this
    // hub's own business.
    private static void ExportsOnlyForPartners(V1.DeclarationType type, ServerCallContext context)
    {
        if (type != V1.DeclarationType.Export && Caller.TryFrom(context.GetHttpContext().User, out var caller) && caller.IsPartnerHub)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Partner hub {caller.Hub} lodges and withdraws only export declarations here."));
        }
    }
}
