#!/usr/bin/perl
# Freeside parity through Perl's Frontier::Client (what Freeside's own examples use): flat lists and structs on
# both prefixes, answers compared with eq, idempotent suspend/unsuspend/logout. Prints 'ok NAME' or 'FAIL NAME'.
use strict;
use warnings;
use Frontier::Client;

my ($url, $user, $pass, $agentnum, $domain, $account, $custnum) =
  @ENV{qw(FSGW_URL FSGW_USER FSGW_PASS FSGW_AGENTNUM FSGW_DOMAIN FSGW_ACCOUNT FSGW_CUSTNUM)};
my $server = Frontier::Client->new(url => $url);
my $failures = 0;

sub check {
  my ($name, $ok, $detail) = @_;
  if ($ok) { print "ok $name\n" } else { $failures++; print "FAIL $name: ", ($detail // ''), "\n" }
}

for my $prefix ('FS.SelfService.XMLRPC.', 'FS.ClientAPI_XMLRPC.') {
  my $login = $server->call("${prefix}agent_login", { username => $user, password => $pass });
  check("${prefix}login struct", $login->{error} eq '' && length $login->{session_id}, $login->{error});
  $login = $server->call("${prefix}agent_login", username => $user, password => $pass);
  check("${prefix}login flat", $login->{error} eq '', $login->{error});
  my $session = $login->{session_id};
  my $r = $server->call("${prefix}check_username", session_id => $session, username => 'freeuser', domain => $domain);
  check("${prefix}available eq '1'", $r->{available} eq '1', $r->{available});
  $r = $server->call("${prefix}check_username", { session_id => $session, username => $account, domain => $domain });
  check("${prefix}taken eq '0'", $r->{available} eq '0', $r->{available});
  $r = $server->call("${prefix}agent_info", session_id => $session);
  check("${prefix}agentnum", $r->{agentnum} eq $agentnum, $r->{agentnum});
  for my $call (qw(suspend_username suspend_username unsuspend_username unsuspend_username)) {
    $r = $server->call("${prefix}$call", session_id => $session, username => $account, domain => $domain);
    check("${prefix}$call answers ''", $r->{error} eq '', $r->{error});
  }
  $r = $server->call("${prefix}agent_list_customers", { session_id => $session, search => $custnum });
  my $customer = $r->{customers}[0] || {};
  check("${prefix}listed custnum", ($customer->{custnum} // '') eq $custnum, $customer->{custnum});
  check("${prefix}undefined paydate reads as ''", defined $customer->{paydate} && $customer->{paydate} eq '',
    $customer->{paydate});
  check("${prefix}no payinfo", !exists $customer->{payinfo} && !exists $customer->{payinfo_enc});
  my $fault = eval { $server->call("${prefix}agent_login", 'username', $user, 'password'); 0 } // 1;
  check("${prefix}odd list is a fault", $fault && $@ =~ /-32602/, $@);
  $r = $server->call("${prefix}agent_logout", session_id => $session);
  check("${prefix}logout", $r->{error} eq '', $r->{error});
  $r = $server->call("${prefix}agent_logout", { session_id => $session });
  check("${prefix}logout again answers ''", $r->{error} eq '', $r->{error});
}
exit($failures ? 1 : 0);
