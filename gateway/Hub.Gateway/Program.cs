using Hub.Gateway;
using Hub.Gateway.Protection;
using Hub.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("gateway");
builder.AddGateway();

var app = builder.Build();
app.UseMiddleware<AccessLogMiddleware>();
app.UseMiddleware<RefusedCallerLimiter>();
// Text carrying NUL is refused by the services behind the gateway; checked here too, every proxied body would be read twice.
app.MapDefaultEndpoints(refuseNulText: false);
app.MapGateway();

app.Run();
