using Grpc.Core;
using Hub.Payment.Application;
using Hub.Payment.Domain.Disputes;
using Hub.Payment.Domain;
using Hub.Payment.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Security;

namespace Hub.Payment.Grpc;

/// <summary>
/// The disputes of this hub's escrows, for partner hubs acting for their own companies: a supplier at another hub
/// follows and escalates the dispute of what it sold to a buyer here, as it would through the REST API if it were a
/// user of this hub; that hub's operators read the disputes their companies are party to.
/// </summary>
internal sealed class PartnerDisputesGrpcService(DisputeDesk disputes) : PartnerDisputes.PartnerDisputesBase
{
    public override Task<DisputeView> GetDispute(PartnerDisputeRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        var order = Input.Order("orderId", request.OrderId);
        return View(request.Operators
            ? await disputes.VisibleToHubAsync(order, Partner(context).Hub, context.CancellationToken)
            : await disputes.VisibleAsync(order, ActingFor(request, context), context.CancellationToken));
    });

    public override Task<DisputeView> EscalateDispute(PartnerDisputeRequest request, ServerCallContext context) => GrpcErrors.Guard(async () =>
    {
        if (request.Operators)
        {
            throw new PaymentException(PaymentErrorKind.Forbidden, "decided-here",
                "A partner hub's operators read this hub's disputes; the buyer or the supplier escalates, and this hub's operators decide.");
        }

        return View(await disputes.EscalateAsync(Input.Order("orderId", request.OrderId), ActingFor(request, context), context.CancellationToken));
    });

    private static Caller Partner(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    // The partner acts as a user of the company it names, which must be one of its own.
    private static Caller ActingFor(PartnerDisputeRequest request, ServerCallContext context)
    {
        var partner = Partner(context);
        var company = Input.Company("company", request.Company);
        if (company.Hub != partner.Hub)
        {
            throw new PaymentException(PaymentErrorKind.Forbidden, "not-your-company", $"Partner hub {partner.Hub} acts only for its own companies; {company} is not one.");
        }

        var actor = string.IsNullOrWhiteSpace(request.Actor) ? partner.Subject : $"{Actor(request.Actor)} at hub {partner.Hub}";
        return new Caller(actor, HubRoles.Sme, company.Hub, company);
    }

    /// <summary>The most characters of <c>actor</c>: with " at hub XX" it is recorded as who escalated.</summary>
    internal const int MaxActorLength = 100;

    private static string Actor(string actor)
    {
        var trimmed = actor.Trim();
        return trimmed.Length <= MaxActorLength
            ? trimmed
            : throw PaymentException.Invalid("actor", $"actor: at most {MaxActorLength} characters naming who acts at the partner hub (was {trimmed.Length}).");
    }

    internal static DisputeView View(Dispute dispute) => new()
    {
        OrderId = dispute.OrderId,
        BuyerCompany = dispute.BuyerCompany,
        SupplierCompany = dispute.SupplierCompany,
        Reason = dispute.Reason,
        Status = dispute.Status.ToString(),
        OpenedAt = Timestamps.Utc(dispute.OpenedAt),
        NegotiationEndsAt = Timestamps.Utc(dispute.NegotiationEndsAt),
        EscalatedAt = dispute.EscalatedAt is { } escalated ? Timestamps.Utc(escalated) : null,
        Decision = dispute.Decision?.ToString() ?? string.Empty,
        ResolvedAt = dispute.ResolvedAt is { } resolved ? Timestamps.Utc(resolved) : null,
    };
}
