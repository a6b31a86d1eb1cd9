using System.Reflection;
using System.Security.Claims;
using Hub.Contracts.Values;
using Microsoft.AspNetCore.Http;

namespace Hub.ServiceDefaults.Security;

/// <summary>
/// Who is calling, read from the validated bearer token. Bind it as an endpoint parameter on endpoints that require
/// one of the <see cref="HubPolicies"/>; a service decides what the caller may see with <see cref="CanActFor"/>.
/// </summary>
/// <param name="Subject">The user or partner client id.</param>
/// <param name="Role">One of <see cref="HubRoles"/>.</param>
/// <param name="Hub">The caller's hub.</param>
/// <param name="Company">The SME user's company; null for operators and partner hubs.</param>
public sealed record Caller(string Subject, string Role, HubId Hub, CompanyId? Company)
{
    /// <summary>True for an operator of the hub.</summary>
    public bool IsOperator => Role == HubRoles.Operator;

    /// <summary>True for an SME user.</summary>
    public bool IsSme => Role == HubRoles.Sme;

    /// <summary>True for a partner hub.</summary>
    public bool IsPartnerHub => Role == HubRoles.PartnerHub;

    /// <summary>Operators act for every company; an SME user only for its own.</summary>
    public bool CanActFor(CompanyId company) => IsOperator || (IsSme && Company == company);

    /// <summary>Reads the caller from a principal whose token passed validation.</summary>
    /// <exception cref="InvalidOperationException">The principal lacks the hub claims (the endpoint is not protected by a hub policy).</exception>
    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return TryFrom(user, out var caller)
            ? caller
            : throw new InvalidOperationException("The request has no hub caller; protect the endpoint with one of the HubPolicies.");
    }

    /// <summary>Reads the caller if the principal carries a valid set of hub claims.</summary>
    public static bool TryFrom(ClaimsPrincipal user, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Caller? caller)
    {
        ArgumentNullException.ThrowIfNull(user);
        caller = null;
        var subject = user.FindFirstValue(HubClaimTypes.Subject);
        var role = user.FindFirstValue(HubClaimTypes.Role);
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(subject)
            || role is not (HubRoles.Sme or HubRoles.Operator or HubRoles.PartnerHub)
            || !HubId.TryParse(user.FindFirstValue(HubClaimTypes.Hub), out var hub))
        {
            return false;
        }

        CompanyId? company = null;
        if (role == HubRoles.Sme)
        {
            if (!CompanyId.TryParse(user.FindFirstValue(HubClaimTypes.Company), out var id))
            {
                return false;
            }

            company = id;
        }

        caller = new Caller(subject, role, hub, company);
        return true;
    }

    /// <summary>Minimal API binding: <c>(Caller caller) =&gt; …</c>.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult<Caller?>(From(context.User));
    }
}
