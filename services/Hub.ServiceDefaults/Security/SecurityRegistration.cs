using System.Text;
using Hub.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hub.ServiceDefaults.Security;

/// <summary>Bearer-token authentication and the <see cref="HubPolicies"/>, the same in every service and the gateway.</summary>
public static class SecurityRegistration
{
    private const int MinimumKeyLength = 32;

    /// <summary>Validates the hub's bearer tokens and registers the hub policies and <see cref="HubTokenIssuer"/>.</summary>
    public static void AddHubSecurity(this WebApplicationBuilder builder, ServiceIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        // A hub with partners signs their calls itself: its gateway forwards each partner's verified request with a
        // token of this hub naming the partner, which the services trust beside the OIDC issuer's.
        var federates = builder.Configuration.GetSection("Partners").GetChildren().Any();
        builder.Services.AddOptions<SecurityOptions>()
            .Bind(builder.Configuration.GetSection(SecurityOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Issuer), "Security:Issuer is required.")
            .Validate(o => o.Authority is not null || (o.SigningKey?.Length ?? 0) >= MinimumKeyLength,
                $"Either Security:Authority or a Security:SigningKey of at least {MinimumKeyLength} characters is required.")
            .Validate(o => !federates || (o.SigningKey?.Length ?? 0) >= MinimumKeyLength,
                $"A hub with partner hubs needs a Security:SigningKey of at least {MinimumKeyLength} characters, also beside Security:Authority: "
                + "the gateway forwards a partner hub's calls with tokens of this hub signed with it.")
            .ValidateOnStart();
        builder.Services.AddSingleton<HubTokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((jwt, security) => Configure(jwt, security.Value));

        var hub = identity.Hub;
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(HubPolicies.Sme, p => p.RequireAssertion(c => IsCaller(c, caller => caller.IsSme && caller.Hub == hub)))
            .AddPolicy(HubPolicies.Operator, p => p.RequireAssertion(c => IsCaller(c, caller => caller.IsOperator && caller.Hub == hub)))
            .AddPolicy(HubPolicies.PartnerHub, p => p.RequireAssertion(c => IsCaller(c, caller => caller.IsPartnerHub && caller.Hub != hub)))
            .AddPolicy(HubPolicies.SmeOrOperator, p => p.RequireAssertion(c =>
                IsCaller(c, caller => (caller.IsSme || caller.IsOperator) && caller.Hub == hub)))
            .AddPolicy(HubPolicies.AnyCaller, p => p.RequireAssertion(c =>
                IsCaller(c, caller => caller.IsPartnerHub ? caller.Hub != hub : caller.Hub == hub)));
        builder.Services.AddOptions<PartnerRegistry>().Bind(builder.Configuration);
    }

    internal static SymmetricSecurityKey? SigningKeyOf(SecurityOptions options) =>
        options.SigningKey is { Length: >= MinimumKeyLength } key ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)) : null;

    private static bool IsCaller(AuthorizationHandlerContext context, Func<Caller, bool> rule) =>
        Caller.TryFrom(context.User, out var caller) && rule(caller);

    private static void Configure(JwtBearerOptions jwt, SecurityOptions security)
    {
        jwt.MapInboundClaims = false;
        jwt.Events = new JwtBearerEvents { OnChallenge = AccessRefusal.NoteAsync };
        jwt.Authority = security.Authority;
        jwt.RequireHttpsMetadata = security.Authority?.StartsWith("https://", StringComparison.Ordinal) ?? false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = security.Issuer,
            ValidAudience = security.Audience,
            IssuerSigningKey = SigningKeyOf(security),
            NameClaimType = HubClaimTypes.Subject,
            RoleClaimType = HubClaimTypes.Role,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }
}
